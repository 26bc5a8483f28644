"""Which catalog entry a request's tool is, when the request is not linked to one: the entry with its link,
else the one with its name (both normalised). The catalog and the accessibility reviews build on it."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import CatalogResource, Request
from ..domain.validation import normalise_link, normalise_name


def catalog_match(session: Session, request: Request, options=()) -> CatalogResource | None:
    key_name, key_link = normalise_name(request.resource_name), normalise_link(request.resource_link)
    entry = None
    if key_link:
        entry = session.scalar(select(CatalogResource).where(CatalogResource.normalised_link == key_link)
                               .options(*options))
    if entry is None and key_name:
        entry = session.scalar(select(CatalogResource).where(CatalogResource.normalised_name == key_name)
                               .options(*options))
    return entry
