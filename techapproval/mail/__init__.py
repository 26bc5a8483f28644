"""Delivering the outbox by SMTP through the district's relay (layer 4: it uses services, never db or gui).

`send_due(db)` is the one function every sender calls: `techapproval send-notifications` (cron, Task
Scheduler), the open app on a single desk, and the district server.
"""

from .sender import SendReport, send_due, send_test_email

__all__ = ["SendReport", "send_due", "send_test_email"]
