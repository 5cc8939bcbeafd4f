import ApiStatus from "./ApiStatus.tsx";

const API_DOCS = [
  { service: "directory", label: "Katalog instytucji i usług" },
  { service: "clients", label: "Klienci" },
  { service: "referrals", label: "Skierowania" },
  { service: "reporting", label: "Raportowanie" },
] as const;

export default function App() {
  return (
    <>
      <header className="site-header">
        <div className="container">
          <h1>Splot</h1>
          <ApiStatus />
        </div>
      </header>
      <main className="container">
        <p>
          Splot to system współpracy powiatowych urzędów pracy, ośrodków pomocy
          społecznej i organizacji pozarządowych: wspólny katalog usług,
          kartoteka klientów, skierowania między instytucjami i raportowanie.
        </p>
        <p className="notice">
          Pełna aplikacja dla pracowników jest w przygotowaniu. Do tego czasu
          z systemu można korzystać przez interfejsy API opisane poniżej.
        </p>
        <section aria-labelledby="api-docs-heading">
          <h2 id="api-docs-heading">Dokumentacja API</h2>
          <ul>
            {API_DOCS.map(({ service, label }) => (
              <li key={service}>
                <a href={`/api/${service}/docs`}>
                  {label} <code>/api/{service}/docs</code>
                </a>
              </li>
            ))}
          </ul>
        </section>
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>Splot — współpraca PUP, OPS i NGO</p>
        </div>
      </footer>
    </>
  );
}
