package com.example.slacompliance.sla;

/** Why a closed ticket cannot be judged; checked in this order, the first that applies wins. */
public enum RejectReason {
    MISSING_CREATED_AT, UNKNOWN_SEVERITY, UNKNOWN_TIER, TIMESTAMP_BEFORE_CREATED
}
