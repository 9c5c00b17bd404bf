package com.example.slacompliance.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8WriterTest {

    static byte[] written(String text, int pieces) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Utf8Writer out = new Utf8Writer(bytes)) {
            int step = Math.max(1, text.length() / pieces);
            int piece = 0;
            for (int i = 0; i < text.length(); i += step) {
                int end = Math.min(text.length(), i + step);
                switch (piece++ % 5) {
                    case 0 -> out.write(text, i, end - i);
                    case 1 -> out.write(text.substring(i, end).toCharArray());
                    case 2 -> out.write(text.substring(i, end)); // the whole string: the JDK's encoder
                    case 3 -> { // as bytes already encoded, when the piece is whole characters
                        String chars = text.substring(i, end);
                        boolean whole = !Character.isLowSurrogate(chars.charAt(0))
                                && !Character.isHighSurrogate(chars.charAt(chars.length() - 1));
                        if (whole) {
                            byte[] utf8 = chars.getBytes(StandardCharsets.UTF_8);
                            out.writeUtf8(utf8, 0, utf8.length);
                        } else {
                            out.write(chars);
                        }
                    }
                    default -> {
                        for (int j = i; j < end; j++) {
                            out.write(text.charAt(j));
                        }
                    }
                }
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void writesWhatTheJdkEncoderWrites() throws IOException {
        String text = "ASCII, é à ü, ∑ €, 日本語, emoji 😀👍🏽, RTL שלום مرحبا, <tag attr=\"&amp;\">";
        for (int pieces : new int[] {1, 2, 7, text.length()}) {
            assertThat(written(text, pieces)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void randomTextLongerThanItsBufferSplitAnywhere() throws IOException {
        Random random = new Random(7);
        StringBuilder text = new StringBuilder();
        while (text.length() < 200_000) {
            switch (random.nextInt(4)) {
                case 0 -> text.append((char) random.nextInt(0x80));
                case 1 -> text.append((char) (0x80 + random.nextInt(0x780)));
                case 2 -> text.append((char) (0x800 + random.nextInt(0xD000 - 0x800)));
                default -> text.appendCodePoint(0x10000 + random.nextInt(0x10FFFF - 0x10000));
            }
        }
        String s = text.toString();
        assertThat(written(s, 997)).isEqualTo(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void loneSurrogatesBecomeQuestionMarksAsWithTheJdkEncoder() throws IOException {
        String text = "a\uD83Db \uDE00c \uD83D";
        assertThat(written(text, 1)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
        assertThat(new String(written(text, 1), StandardCharsets.UTF_8)).isEqualTo("a?b ?c ?");
    }
}
