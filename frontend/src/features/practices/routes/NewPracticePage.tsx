import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { PageHeader } from "@/lib/ui/PageHeader";
import { notify } from "@/lib/ui/notify";
import { useCreatePractice } from "../api/practices";
import { PracticeForm, bodyOf, valuesOf } from "../components/PracticeForm";

/** /dobre-praktyki/zglos: a new practice of the caller's institution, saved as a draft (files and submitting on its page). */
export default function NewPracticePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreatePractice();
  return (
    <>
      <PageHeader title={t("practices.new.title")} description={t("practices.new.description")} />
      <PracticeForm
        initial={valuesOf(undefined)}
        submitLabel={t("practices.new.save")}
        busy={create.isPending}
        onSubmit={async (values) => {
          const practice = await create.mutateAsync(bodyOf(values));
          notify("green", t("practices.new.saved"));
          void navigate(`/dobre-praktyki/${practice.id}`);
        }}
      />
    </>
  );
}
