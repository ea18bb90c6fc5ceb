"""Command line: ``python -m generator parse FILE`` prints one resolution as JSON;
``layout FILE`` prints what the reader saw of it; ``golden`` refreshes the golden files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import InputError
from .model import dump_json
from .parse import parse
from .pipeline import DEFAULT_DATA_DIR, collect, link_one
from .read import read_input


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    parse_command = commands.add_parser("parse", help="print a resolution's parsed JSON")
    parse_command.add_argument("file", type=Path)
    parse_command.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR,
                               help="instruments.yaml and bodies.yaml (default: %(default)s)")
    layout = commands.add_parser("layout", help="print what the reader saw: every line of a "
                                 "PDF or text export, with its flags and furniture rule")
    layout.add_argument("file", type=Path)
    golden = commands.add_parser("golden", help="rewrite tests/golden/*.json from source_texts/")
    golden.add_argument("--source-dir", type=Path, default=Path("source_texts"))
    golden.add_argument("--golden-dir", type=Path, default=Path("tests/golden"))
    golden.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
    args = parser.parse_args(argv)
    if args.command == "parse":
        return _parse(args.file, args.data_dir)
    if args.command == "layout":
        return _layout(args.file)
    return _golden(args.source_dir, args.golden_dir, args.data_dir)


def _parse(path: Path, data_dir: Path) -> int:
    """The file linked on its own: a citation of another resolution links to undocs.org."""
    try:
        resolution = link_one(parse(read_input(path)), data_dir)
    except (InputError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    sys.stdout.write(dump_json(resolution))
    return 0


def _layout(path: Path) -> int:
    from .pdf import layout_lines  # PDFium is loaded only by the command that needs it

    try:
        layout = read_input(path)
    except (InputError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for number, message in layout.warnings:
        print(f"# line {number}: {message}")
    print("\n".join(layout_lines(layout)))
    return 0


def _golden(source_dir: Path, golden_dir: Path, data_dir: Path) -> int:
    """Refresh the golden files: the JSON the site publishes for each source text (linked
    across the whole corpus), one ``<symbol with - for />.json`` each."""
    site = collect(source_dir, data_dir)
    warnings = [p for p in site.problems if p.level != "info"]
    for problem in warnings:
        print(f"error: {problem}", file=sys.stderr)
    golden_dir.mkdir(parents=True, exist_ok=True)
    for resolution in site.linked.resolutions:
        target = golden_dir / (resolution.symbol.replace("/", "-") + ".json")
        target.write_text(dump_json(resolution), encoding="utf-8")
        print(f"wrote {target}")
    return 1 if warnings else 0


if __name__ == "__main__":
    sys.exit(main())
