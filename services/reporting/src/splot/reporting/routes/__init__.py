"""The reporting service's HTTP layer, one router per concern (in the order the contract lists them)."""

from splot.reporting.routes import aggregates, editions, network

ROUTERS = (aggregates.router, network.router, editions.router)
