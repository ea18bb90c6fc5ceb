"""How fast the PDF reader turns official PDFs into lines, beside PDFium's own plain text.

    .venv/bin/python benchmarks/extract.py [FOLDER] [--repeat 3]

For every PDF of FOLDER (default: ../shared/corpus/pdf) the reader (``generator.pdf``) and,
for comparison, PDFium's plain text of every page (``get_text_range``: what a user of
pypdfium2 would take, without positions, styles or furniture) each read the file ``--repeat``
times; the fastest run counts (the least disturbed by the machine). Reported: pages, the
median and 90th percentile over files of milliseconds per page, the whole time, and the
ratio to PDFium's text. One process, one core: the build reads files on every core.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pypdfium2 as pdfium  # noqa: E402

from generator.pdf import read_pdf  # noqa: E402


def plain_text(data: bytes) -> int:
    """PDFium's own text of every page, as a baseline; returns the page count."""
    document = pdfium.PdfDocument(data)
    for page in document:
        textpage = page.get_textpage()
        textpage.get_text_range()
        textpage.close()
        page.close()
    count = len(document)
    document.close()
    return count


def fastest(function, data: bytes, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function(data)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path, nargs="?",
                        default=ROOT.parent / "shared" / "corpus" / "pdf")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    files = sorted(args.folder.glob("*.pdf"))
    if not files:
        print(f"no PDFs in {args.folder}", file=sys.stderr)
        return 1
    ours: list[float] = []  # ms per page, per file
    theirs: list[float] = []
    pages = 0
    total_ours = total_theirs = 0.0
    for path in files:
        data = path.read_bytes()
        count = plain_text(data)
        mine = fastest(lambda d, name=path.name: read_pdf(d, name), data, args.repeat)
        base = fastest(plain_text, data, args.repeat)
        pages += count
        total_ours += mine
        total_theirs += base
        ours.append(mine * 1000 / count)
        theirs.append(base * 1000 / count)
    deciles = statistics.quantiles(ours, n=10) if len(ours) > 1 else ours
    print(f"{len(files)} PDFs, {pages} pages (fastest of {args.repeat} runs each)")
    print(f"reader:        median {statistics.median(ours):5.1f} ms/page, 90th percentile "
          f"{deciles[-1]:5.1f}, all pages {total_ours:6.1f} s ({total_ours * 1000 / pages:.1f}"
          " ms/page)")
    print(f"PDFium text:   median {statistics.median(theirs):5.1f} ms/page, all pages "
          f"{total_theirs:6.1f} s")
    print(f"ratio:         {total_ours / total_theirs:.1f}x PDFium's plain text")
    return 0


if __name__ == "__main__":
    sys.exit(main())
