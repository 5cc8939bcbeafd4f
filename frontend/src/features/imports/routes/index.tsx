import { Route, Routes } from "react-router";
import ImportPage from "./ImportPage";

/** /import: the bulk import of persons (coordinators; the shell shows it to them only). */
export default function ImportRoutes() {
  return (
    <Routes>
      <Route index element={<ImportPage />} />
    </Routes>
  );
}
