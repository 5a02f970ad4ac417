"""copygen: compliance-first copy generation for healthcare marketing."""

from .api import check, check_draft, generate
from .brand import Brand, load_brand
from .errors import CopygenError
from .models import Brief, Draft, DraftSet, Finding, Jurisdiction, Platform, Report, Severity, Status

__all__ = sorted([
    "Brand", "Brief", "CopygenError", "Draft", "DraftSet", "Finding", "Jurisdiction", "Platform", "Report",
    "Severity", "Status", "check", "check_draft", "generate", "load_brand",
])
__version__ = "0.1.0"
