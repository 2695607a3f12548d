"""What the public page's tests share: the demo's endpoints, reading a PDF back."""

from pathlib import Path

import pypdfium2
import zxingcpp

from anbaoctl.demo import Endpoints


def endpoints(system) -> Endpoints:
    return Endpoints({s: f"127.0.0.1:{r.port}" for s, r in system.runtimes().items()},
                     system.http_bases())


def pdf_text(body: bytes) -> str:
    """The PDF's text as a reader selects and copies it: PDFium is Chromium's PDF engine."""
    document = pypdfium2.PdfDocument(body)
    return "\n".join(page.get_textpage().get_text_range() for page in document)


def decode_qr(body: bytes, folder: Path) -> str:
    """Renders the first page as a reader's screen would (150 dpi) and reads its QR code
    from the pixels, as a phone would; the image is kept beside the test's files."""
    document = pypdfium2.PdfDocument(body)
    image = document[0].render(scale=150 / 72).to_pil()
    image.save(folder / "printed.png")
    codes = [c for c in zxingcpp.read_barcodes(image) if c.format == zxingcpp.BarcodeFormat.QRCode]
    assert len(codes) == 1, f"expected one QR code, found {len(codes)}"
    return codes[0].text
