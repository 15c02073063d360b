"""The model's :class:`Image`: a picture that belongs to an article."""

from __future__ import annotations

import attrs

from newsparse import _values
from newsparse._errors import ValidationError

__all__ = ["Image"]

_set = object.__setattr__
_optional_text = _values.optional_text
_url = _values.url


@attrs.frozen(kw_only=True, init=False)
class Image:
    """A picture that belongs to an article: lead image, figure or gallery item.

    At least one of the four fields is set.

    Attributes:
        url: Where the image file is, as given by the source (not resolved).
        alt: Alternative text: what the image shows, for readers who cannot see it.
        caption: The caption printed with the image.
        credit: Photographer, agency or rights holder, such as ``"AFP"``.
    """

    url: str | None = None
    alt: str | None = None
    caption: str | None = None
    credit: str | None = None

    def __init__(
        self,
        *,
        url: str | None = None,
        alt: str | None = None,
        caption: str | None = None,
        credit: str | None = None,
    ) -> None:
        _set(self, "url", _url("Image.url", url))
        _set(self, "alt", _optional_text("Image.alt", alt, single_line=False))
        if caption is not None and caption == alt:  # common: checked already
            _set(self, "caption", alt)
        else:
            _set(self, "caption", _optional_text("Image.caption", caption, single_line=False))
        _set(self, "credit", _optional_text("Image.credit", credit, single_line=False))
        if url is None and alt is None and caption is None and credit is None:
            raise ValidationError("Image", self, "needs at least one of url, alt, caption, credit")
