"""Exact euro amounts: Decimal in, cents rounded half up, Dutch (or English) notation out."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

__all__ = ["CENT", "ZERO", "cents", "euro", "euro_en", "known", "to_json_number"]

CENT = Decimal("0.01")
ZERO = Decimal(0)


def cents(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def euro(amount: Decimal) -> str:
    """€ 1.234,50: the notation a Dutch reader expects, as on every page of the site."""
    whole, _, fraction = f"{cents(amount):,.2f}".partition(".")
    return f"€ {whole.replace(',', '.')},{fraction}"


def euro_en(amount: Decimal) -> str:
    """€1,234.50: the notation of the English explanations."""
    return f"€{cents(amount):,.2f}"


def known(amount: Decimal | None) -> Decimal:
    """An amount the caller has made sure is known (None is "onbekend"): an unknown figure is never summed or ranked."""
    if amount is None:
        raise ValueError("expected a known amount, got None (onbekend)")
    return amount


def to_json_number(amount: Decimal) -> float:
    """Amounts leave the engine as JSON numbers; rounding to cents first makes the float exact enough."""
    return float(cents(amount))
