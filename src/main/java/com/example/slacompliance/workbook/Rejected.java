package com.example.slacompliance.workbook;

/** One published row of {@code sla_rejected_ticket}. */
record Rejected(String ticketId, String reason, String detail) {
}
