package com.example.slacompliance.sla;

/** A closed ticket that cannot be judged, with the first reason that applies and which value was wrong. */
public record Rejection(Ticket ticket, RejectReason reason, String detail) implements Judgement {
}
