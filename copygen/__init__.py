"""copygen: compliance-first copy generation for healthcare marketing."""

from .api import check, check_draft, generate, redact
from .brand import Brand, load_brand
from .errors import CopygenError
from .models import Brief, Draft, DraftSet, Finding, Jurisdiction, Platform, Redaction, Report, Severity, Status

__all__ = sorted([
    "Brand", "Brief", "CopygenError", "Draft", "DraftSet", "Finding", "Jurisdiction", "Platform", "Redaction",
    "Report", "Severity", "Status", "check", "check_draft", "generate", "load_brand", "redact",
])
__version__ = "0.1.0"
