"""Text measured and broken into lines for SVG drawings: estimated widths, and wrapping by Japanese kinsoku rules.

SVG has no line breaking, so drawings that put names in boxes break them here. Widths are estimates (no font
is measured): a full-width character is one em, any other 0.58 em, which errs on the wide side for the sans-serif
fonts of the site's stylesheet.
"""

import re
import unicodedata

FONT_SIZE = 12  # px, the drawings' text size
MAX_LINES = 4

# Kinsoku shori: characters that may not begin a line (closing brackets and punctuation, the long-vowel mark)
# and characters that may not end one (opening brackets).
NO_LINE_START = frozenset("、。，．・）」』】〕ー…!?！？,.:;)")
NO_LINE_END = frozenset("（「『【〔(")

# A Latin word with what follows it (a hyphen, spaces), a lone hyphen, one CJK or full-width character, or spaces.
_TOKENS = re.compile(r"[^\s\u3000-\u9fff\uff00-\uffef-]+-?\s*|-\s*|[\u3000-\u9fff\uff00-\uffef]|\s+")
_PARENTHESIS = re.compile(r"^(.*?)\s*[（(](.+)[)）]\s*$")


def char_width(char):
    """The width of one character in ems: 1.0 for a wide or full-width character (East Asian Width W or F),
    0.58 for any other."""
    return 1.0 if unicodedata.east_asian_width(char) in ("W", "F") else 0.58


def text_width(text, size=FONT_SIZE):
    """The estimated width of `text` (a str) in px at font size `size` px; 0 for the empty string."""
    return sum(char_width(char) for char in text) * size


def wrap(text, width, max_lines=MAX_LINES):
    """Break `text` into lines of at most `width` px (at FONT_SIZE).

    Latin words are kept whole where they fit (a line may break after a hyphen); Japanese may break between
    any two characters, except before a character of NO_LINE_START (it stays on the line, even past the width)
    and after one of NO_LINE_END (the bracket moves down with what it opens). A word longer than a whole line is
    cut where the line is full. Returns (lines, fits): the lines as a list of str without trailing spaces, and
    whether there are at most `max_lines` of them.
    """
    lines, current = [], ""
    for token in _TOKENS.findall(text):
        candidate = current + token
        if current and text_width(candidate.rstrip()) > width and token[0] not in NO_LINE_START:
            carried = ""
            if current[-1] in NO_LINE_END:  # an opening bracket moves down with what it opens
                current, carried = current[:-1], current[-1]
            lines.append(current.rstrip())
            current = carried + token.lstrip()
        else:
            current = candidate
        alone = current == token.lstrip()  # a word longer than a line is cut; overflowing punctuation is not
        while alone and text_width(current.rstrip()) > width:
            cut = len(current)
            while cut > 1 and text_width(current[:cut]) > width:
                cut -= 1
            lines.append(current[:cut])
            current = current[cut:]
    if current.strip():
        lines.append(current.rstrip())
    return lines, len(lines) <= max_lines


def name_lines(name, width, abbreviation="", max_lines=MAX_LINES):
    """The lines that show a name in a box `width` px wide, at most `max_lines` of them.

    Tries in turn the whole name, the name without a closing parenthesis, the parenthesis alone, and the
    abbreviation (if not empty); the first that fits is used. When none does, the name is cut after `max_lines`
    lines and ends with an ellipsis, before a Latin word rather than inside it (the drawing then gives the full
    name elsewhere, e.g. in a <title>).
    Returns a list of str.
    """
    candidates = [name]
    match = _PARENTHESIS.match(name)
    if match:
        candidates += [match.group(1), match.group(2)]
    if abbreviation:
        candidates.append(abbreviation)
    for candidate in candidates:
        lines, fits = wrap(candidate, width, max_lines)
        if fits:
            return lines
    lines, _fits = wrap(name, width, max_lines)
    last = lines[max_lines - 1][:-1]
    following = lines[max_lines - 1][-1:] + (lines[max_lines][:1] if len(lines) > max_lines else "")
    if last and not _is_wide(last[-1]) and following[:1].isalnum() and " " in last.strip():
        last = last[: last.rstrip().rfind(" ")]  # a Latin word is not cut: it goes whole to the ellipsis
    return [*lines[: max_lines - 1], last.rstrip() + "…"]


def _is_wide(char):
    return char_width(char) == 1.0


def spaced_lines(lines):
    """The lines of a wrapped label with a trailing space where the break fell between two words (not after a
    hyphen, not in Japanese), so that the drawing's text, read as a whole, is the label. Returns a list of str."""
    out = list(lines)
    for index in range(len(out) - 1):
        before, after = out[index], out[index + 1]
        if before and after and not _is_wide(before[-1]) and before[-1] != "-" and not _is_wide(after[0]):
            out[index] = before + " "
    return out


def spoken_name(lines, full):
    """The accessible name of a box showing `lines` of the label `full`: the label itself when the lines show it
    (whole, or cut with an ellipsis between words), else the visible text then the label ("NISC, National center
    of …", "Cybersecurit…, Cybersecurity Promotion System"), so the name always holds what is seen, word for
    word."""
    visible = " ".join("".join(spaced_lines(lines)).split())
    whole = " ".join(full.split())
    shown = visible.removesuffix("…")
    if shown and whole.startswith(shown):
        following = whole[len(shown) : len(shown) + 1]
        if not (shown[-1].isalnum() and following.isalnum() and not _is_wide(shown[-1])):
            return whole
        # a Latin word cut inside (one too long for a line): name what is seen, as seen, then the label
    return f"{visible}, {whole}" if visible else whole
