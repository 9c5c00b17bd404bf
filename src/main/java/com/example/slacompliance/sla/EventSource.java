package com.example.slacompliance.sla;

/** Which recorded instant served as the effective acknowledgment or response. */
public enum EventSource {
    ACKNOWLEDGED, RESPONDED, CLOSED
}
