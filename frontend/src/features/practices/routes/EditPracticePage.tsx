import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { PageHeader } from "@/lib/ui/PageHeader";
import { notify } from "@/lib/ui/notify";
import { usePractice, useUpdatePractice } from "../api/practices";
import { PracticeForm, bodyOf, valuesOf } from "../components/PracticeForm";

/** /dobre-praktyki/:id/edycja: a draft or returned practice changed by its institution (If-Match). */
export default function EditPracticePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { practiceId = "" } = useParams();
  const query = usePractice(practiceId);
  const update = useUpdatePractice(practiceId);
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const practice = query.data?.data;
  if (!practice) return <div className="skeleton-block" style={{ height: 200 }} aria-busy="true" />;
  return (
    <>
      <PageHeader title={t("practices.edit_title", { title: practice.title })} />
      <PracticeForm
        initial={valuesOf(practice)}
        submitLabel={t("common.save")}
        busy={update.isPending}
        onSubmit={async (values) => {
          await update.mutateAsync({ etag: query.data?.etag ?? null, body: bodyOf(values, practice.partnership_id ?? null) });
          notify("green", t("practices.edited"));
          void navigate(`/dobre-praktyki/${practice.id}`);
        }}
      />
    </>
  );
}
