package com.example.slacompliance.sla;

/** The outcome of one target for one ticket. */
public enum Status {
    MET, BREACHED,
    /** Third-party integration without configured targets: listed, left out of every compliance figure. */
    EXEMPT
}
