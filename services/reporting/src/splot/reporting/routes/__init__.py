"""The reporting service's HTTP layer, one router per concern (in the order the contract lists them)."""

from splot.reporting.routes import aggregates, casework, editions, network, partnerships, sdmx

ROUTERS = (
    aggregates.router,
    network.router,
    partnerships.router,
    casework.router,
    editions.router,
    sdmx.router,
)
