"""The yardstick: a bare FastAPI + SQLAlchemy (async, ORM) app on the same PostgreSQL, served by one
uvicorn worker like each service. What a Splot path achieves is reported as a share of what this
app achieves in the same run on the same machine.

    POST /insert      ORM insert of one row + commit          (yardstick of a write path)
    GET  /row/{id}    ORM select by primary key               (yardstick of a read path)

The database URL comes from ``BENCH_YARDSTICK_DATABASE_URL``; the table is created at start-up.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException
from pydantic import BaseModel
from sqlalchemy import DateTime, String
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from splot.common.db import DEFAULT_POOL_SIZE

URL = os.environ.get(
    "BENCH_YARDSTICK_DATABASE_URL", "postgresql+asyncpg://postgres@127.0.0.1:55434/bench_yardstick"
)
# The services' pool shape (splot.common.db.create_engine), and a bare engine's behaviour: no
# pre-ping (under load the services ping no connection either: only one idle for 2 s).
engine = create_async_engine(URL, pool_size=DEFAULT_POOL_SIZE, max_overflow=0)
sessions = async_sessionmaker(engine, expire_on_commit=False)


class Base(DeclarativeBase):
    pass


class Item(Base):
    __tablename__ = "item"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ItemIn(BaseModel):
    name: str


class ItemOut(BaseModel):
    id: int
    name: str
    created_at: datetime


@asynccontextmanager
async def lifespan(_: FastAPI) -> AsyncIterator[None]:
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    yield
    await engine.dispose()


app = FastAPI(lifespan=lifespan)


async def session() -> AsyncIterator[AsyncSession]:
    async with sessions() as s:
        yield s


Session = Annotated[AsyncSession, Depends(session)]


@app.get("/ready")
async def ready() -> dict[str, str]:
    return {"status": "ok"}


@app.post("/insert", status_code=201)
async def insert(data: ItemIn, s: Session) -> ItemOut:
    item = Item(name=data.name, created_at=datetime.now(UTC))
    s.add(item)
    await s.commit()
    return ItemOut(id=item.id, name=item.name, created_at=item.created_at)


@app.get("/row/{item_id}")
async def row(item_id: int, s: Session) -> ItemOut:
    item = await s.get(Item, item_id)
    if item is None:
        raise HTTPException(404)
    return ItemOut(id=item.id, name=item.name, created_at=item.created_at)
