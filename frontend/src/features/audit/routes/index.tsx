import { Route, Routes } from "react-router";
import AccessLogPage from "./AccessLogPage";

/** /audyt: the access log (auditors; the shell shows it to them only). */
export default function AuditRoutes() {
  return (
    <Routes>
      <Route index element={<AccessLogPage />} />
    </Routes>
  );
}
