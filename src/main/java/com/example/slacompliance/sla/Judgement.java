package com.example.slacompliance.sla;

/** What the {@link Judge} makes of one closed ticket: a {@link Verdict} or a {@link Rejection}. */
public sealed interface Judgement permits Verdict, Rejection {

    Ticket ticket();
}
