"""Regular expressions shared by the stages: each defined once, here."""

import re

# A calendar year with 年, not a fiscal year (2019年度) nor part of a longer number.
YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d) ?年(?!度)")
