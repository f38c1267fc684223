"""Markdown export of articles and briefings: templates, escaping, kept sections, files."""

from briefing.export.files import (
    ExportError,
    ExportUsageError,
    copy_templates,
    default_out_dir,
    export,
    load_bundle,
    user_template,
    user_templates_dir,
    write_note,
)
from briefing.export.frontmatter import is_briefing_file, read_front_matter
from briefing.export.preserve import PreserveError, merge_preserved, preserved_sections
from briefing.export.render import (
    ArticleBundle,
    ExportOptions,
    ExportTemplateError,
    render_article,
    render_briefing,
)

__all__ = [
    "ArticleBundle",
    "ExportError",
    "ExportOptions",
    "ExportTemplateError",
    "ExportUsageError",
    "PreserveError",
    "copy_templates",
    "default_out_dir",
    "export",
    "is_briefing_file",
    "load_bundle",
    "merge_preserved",
    "preserved_sections",
    "read_front_matter",
    "render_article",
    "render_briefing",
    "user_template",
    "user_templates_dir",
    "write_note",
]
