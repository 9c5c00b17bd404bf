package com.example.slacompliance.job;

import java.nio.file.FileSystemException;
import java.sql.SQLException;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.BindException;

/** Turns a failure into the one line a person on call reads, without secrets. */
public final class StartupFailure {

    private static final Pattern SECRETS = Pattern.compile("(?i)(password|pwd|secret|token)=[^;&]*");

    private StartupFailure() {
    }

    /** The most telling message in a chain of causes. */
    public static String describe(Throwable failure) {
        String binding = null;
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BindException bind && binding == null) {
                binding = "invalid value for " + bind.getName();
            }
            root = t;
            if (t.getCause() == t) {
                break;
            }
        }
        String message = root instanceof FileSystemException fs
                ? fs.getClass().getSimpleName() + ": " + fs.getFile() + (fs.getReason() == null ? "" : " (" + fs.getReason() + ")")
                : root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        message = firstLine(message);
        if (binding != null) {
            message = binding + ": " + message;
        }
        return SECRETS.matcher(message).replaceAll("$1=***");
    }

    /** Whether the failure is the database refusing or failing a connection. */
    public static SQLException sqlCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    /** A JDBC URL without credentials, for messages. */
    public static String safeUrl(String url) {
        if (url == null) {
            return "the configured database";
        }
        return SECRETS.matcher(url.replaceAll("//[^/@]*@", "//")).replaceAll("$1=***");
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).trim();
    }
}
