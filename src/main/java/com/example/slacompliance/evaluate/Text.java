package com.example.slacompliance.evaluate;

/** Text from tickets as a database can store it. */
final class Text {

    private Text() {
    }

    /** PostgreSQL text cannot hold NUL: it is removed; everything else is kept as it came. */
    static String storable(String text) {
        return text == null || text.indexOf('\0') < 0 ? text : text.replace("\0", "");
    }
}
