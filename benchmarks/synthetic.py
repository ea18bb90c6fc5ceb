"""A synthetic corpus shaped like the General Assembly's record, for benchmarks and scale tests.

Real resolutions come in series: each session the Assembly renegotiates the text on a subject,
carrying most paragraphs forward (word for word, or reworded), dropping some, adding others and
sometimes moving a preambular paragraph into the operative part. This writes such series as ODS
text exports the real parser reads:

- each series has its own subject words and starts from paragraphs drawn from a word-bigram
  model of the seed texts (so the language is seed-like, but every series says its own thing),
  plus the boilerplate every resolution shares ("Recalling its resolution ...", "Requests the
  Secretary-General to submit ...", which lineage must not mistake for shared language);
- each later member of a series recalls the previous one (an internal citation), keeps about
  70% of the paragraphs as they were, rewords about 15%, drops about 5%, adds new ones, swaps a
  few and now and then moves a preambular paragraph into the operative part;
- the same seed, size and options always give the same files.

``python benchmarks/synthetic.py OUT_DIR --resolutions 1000`` writes a corpus; the benchmark
calls ``write_corpus``.
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from generator.words import long_date, session_name

ROOT = Path(__file__).resolve().parent.parent
SEED_DIR = ROOT / "source_texts"
SERIES_LENGTH = 15  # resolutions per series, one per session: ~15 years of a subject
PARAGRAPHS = (10, 14)  # preambular, operative paragraphs of a series' first resolution
FIRST_SESSION = 50
PREAMBULAR_LEADS = ("Recognizing", "Noting", "Stressing", "Welcoming", "Reaffirming",
                    "Concerned", "Emphasizing", "Acknowledging", "Mindful", "Taking note of")
OPERATIVE_LEADS = ("Recognizes", "Stresses", "Encourages", "Calls upon", "Urges", "Invites",
                   "Welcomes", "Emphasizes", "Requests", "Reaffirms", "Notes")
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")


class Language:
    """A word-bigram model of the seeds' paragraphs: seed-like text that no seed contains."""

    def __init__(self, seed_dir: Path = SEED_DIR) -> None:
        self.following: dict[str, list[str]] = defaultdict(list)
        for path in sorted(seed_dir.glob("*.txt")):
            for line in path.read_text(encoding="utf-8").splitlines():
                words = _WORD.findall(line.lower())
                for first, second in itertools.pairwise(words):
                    self.following[first].append(second)
        self.words = sorted(self.following)

    def sentence(self, rng: random.Random, length: int, subject: list[str]) -> str:
        word = rng.choice(self.words)
        out = []
        for position in range(length):
            if position % 9 == 4:  # the series' own subject words, now and then
                out.append(rng.choice(subject))
            out.append(word)
            choices = self.following.get(word)
            word = rng.choice(choices) if choices else rng.choice(self.words)
        return " ".join(out)


@dataclass
class Para:
    text: str
    operative: bool


@dataclass
class Member:
    session: int
    serial: int
    adopted: date
    paragraphs: list[Para]

    @property
    def number(self) -> str:
        return f"{self.session}/{self.serial}"


def _new_paragraph(rng: random.Random, language: Language, subject: list[str],
                   operative: bool) -> Para:
    lead = rng.choice(OPERATIVE_LEADS if operative else PREAMBULAR_LEADS)
    body = language.sentence(rng, rng.randint(18, 60), subject)
    return Para(f"{lead} {body}", operative)


def _reword(rng: random.Random, text: str, language: Language) -> str:
    words = text.split()
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(1, len(words))
        action = rng.random()
        if action < 0.4:
            words[at] = rng.choice(language.words)
        elif action < 0.7:
            words.insert(at, rng.choice(language.words))
        elif len(words) > 8:
            del words[at]
    return " ".join(words)


def _next_paragraphs(rng: random.Random, previous: list[Para], language: Language,
                     subject: list[str]) -> list[Para]:
    carried: list[Para] = []
    for para in previous:
        roll = rng.random()
        if roll < 0.05:
            continue  # dropped
        if roll < 0.20:
            para = Para(_reword(rng, para.text, language), para.operative)
        elif roll < 0.22 and not para.operative:
            para = Para(para.text, True)  # moved from the preamble into the operative part
        carried.append(para)
    for _ in range(rng.randint(1, 3)):
        operative = rng.random() < 0.6
        carried.insert(rng.randrange(len(carried) + 1),
                       _new_paragraph(rng, language, subject, operative))
    for _ in range(rng.randint(0, 2)):  # a few swaps
        i, j = rng.randrange(len(carried)), rng.randrange(len(carried))
        carried[i], carried[j] = carried[j], carried[i]
    return carried


def build_series(rng: random.Random, language: Language, length: int, first_session: int,
                 serials: dict[int, int]) -> tuple[str, list[Member]]:
    subject = rng.sample(language.words, 3)
    title = " ".join(rng.sample(language.words, rng.randint(3, 6))).capitalize()
    paragraphs = [_new_paragraph(rng, language, subject, False) for _ in range(PARAGRAPHS[0])]
    paragraphs += [_new_paragraph(rng, language, subject, True) for _ in range(PARAGRAPHS[1])]
    members = []
    for offset in range(length):
        session = first_session + offset
        serials[session] += 1
        adopted = date(1945 + session, 12, rng.randint(1, 22))
        if offset:
            paragraphs = _next_paragraphs(rng, paragraphs, language, subject)
        members.append(Member(session, serials[session], adopted, list(paragraphs)))
    return title, members


def ods_export(title: str, member: Member, previous: Member | None) -> str:
    """One resolution as an ODS text export (the layout of the seeds)."""
    symbol = f"A/RES/{member.number}"
    preamble = [p.text for p in member.paragraphs if not p.operative]
    operative = [p.text for p in member.paragraphs if p.operative]
    if previous is not None:
        preamble.insert(0, f"Recalling its resolution {previous.number} of "
                           f"{long_date(previous.adopted)},")
    operative.append("Requests the Secretary-General to submit to the General Assembly at its "
                     f"{member.session + 1}th session a report on the implementation of the "
                     "present resolution")
    lines = [f"\t{text.rstrip(',;.')}," for text in preamble]
    lines += [f"\t{n}.\t{text.rstrip(',;.')};" for n, text in enumerate(operative, 1)]
    lines[-1] = lines[-1][:-1] + "."
    day = long_date(member.adopted)
    return (
        f"Resolution adopted by the General Assembly on {day}\n"
        f"[on the report of the Second Committee (A/{member.session}/400)]\n"
        f"{member.number}.\t{title}\n\n\n"
        "\tThe General Assembly,\n"
        + "\n".join(lines) + "\n\n"
        f"{60 + member.serial % 40}th plenary meeting\n{day}\n"
        f"<<ODS DOC SYMBOL1>>{symbol}<<ODS DOC SYMBOL1>>\n"
        "<<ODS DOC SYMBOL2>><<ODS DOC SYMBOL2>>\n"
        "_______________\n\n"
        f"United Nations{symbol}General AssemblyDistr.: General\n"
        f"{day}{session_name(member.session)}\n"
        f"Agenda item {member.serial % 100 + 10}\n\n"
    )


def write_corpus(out_dir: Path, resolutions: int, seed: int = 1,
                 series_length: int = SERIES_LENGTH) -> list[Path]:
    """Write ``resolutions`` ODS exports into ``out_dir``, in series of ``series_length``."""
    rng = random.Random(seed)
    language = Language()
    out_dir.mkdir(parents=True, exist_ok=True)
    serials: dict[int, int] = defaultdict(lambda: 100)
    written: list[Path] = []
    while len(written) < resolutions:
        length = min(series_length, resolutions - len(written))
        first = FIRST_SESSION + rng.randrange(0, 40 - min(length, 40) + 1)
        title, members = build_series(rng, language, length, first, serials)
        previous = None
        for member in members:
            path = out_dir / f"A-RES-{member.session}-{member.serial}.txt"
            path.write_text(ods_export(title, member, previous), encoding="utf-8")
            written.append(path)
            previous = member
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--resolutions", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    written = write_corpus(args.out_dir, args.resolutions, args.seed)
    print(f"wrote {len(written)} resolutions into {args.out_dir}")


if __name__ == "__main__":
    main()
