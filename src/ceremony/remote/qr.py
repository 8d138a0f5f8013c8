"""The phone remote's address with its token, as a QR code the presenter shows (one scan opens the remote)."""

from __future__ import annotations

import io
from urllib.parse import quote

import segno
from PySide6.QtGui import QImage
from PySide6.QtNetwork import QAbstractSocket, QHostAddress, QNetworkInterface


def phone_url(host: str, port: int, token: str | None) -> str:
    """``http://host:port/?token=…`` (IPv6 in brackets); no token part when there is none."""
    shown = f"[{host}]" if ":" in host and not host.startswith("[") else host
    query = f"?token={quote(token, safe='')}" if token else ""
    return f"http://{shown}:{port}/{query}"


def reachable_host(host: str) -> str:
    """The address a phone should use: ``host`` itself, or for 0.0.0.0/:: this machine's first LAN address."""
    if host not in ("0.0.0.0", "::", ""):
        return host
    for address in QNetworkInterface.allAddresses():
        if (
            address.protocol() == QAbstractSocket.NetworkLayerProtocol.IPv4Protocol
            and not address.isLoopback()
            and not address.isLinkLocal()
        ):
            return address.toString()
    return QHostAddress(QHostAddress.SpecialAddress.LocalHost).toString()


def qr_png(url: str, *, scale: int = 8, border: int = 2) -> bytes:
    """The QR code of ``url`` as PNG bytes (dark on white, medium error correction)."""
    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(buffer, kind="png", scale=scale, border=border)
    return buffer.getvalue()


def qr_image(url: str, *, scale: int = 8, border: int = 2) -> QImage:
    """The QR code of ``url`` as a ``QImage`` for the presenter window."""
    image = QImage()
    image.loadFromData(qr_png(url, scale=scale, border=border), "PNG")
    return image
