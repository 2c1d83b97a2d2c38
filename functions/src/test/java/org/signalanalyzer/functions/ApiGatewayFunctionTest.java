package org.signalanalyzer.functions;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The entry point's path encoding: what java.net.URI refuses is escaped, what it accepted keeps its meaning. */
class ApiGatewayFunctionTest {

    @Test
    void charactersAUriPathCannotHoldArePercentEncodedAsUtf8() {
        assertEquals("/api/sessions/..%5C..%5Cx", ApiGatewayFunction.uriSafePath("/api/sessions/..\\..\\x"));
        assertEquals("/a%20b%00c%01%7F", ApiGatewayFunction.uriSafePath("/a b\u0000c\u0001\u007f"));
        assertEquals("/%22%3C%3E%7C%7B%7D%5E%60%5B%5D%3F%23", ApiGatewayFunction.uriSafePath("/\"<>|{}^`[]?#"));
        // Two bytes (é), three (中) and a surrogate pair as one four-byte code point (😀).
        assertEquals("/%C3%A9%E4%B8%AD%F0%9F%98%80", ApiGatewayFunction.uriSafePath("/\u00e9\u4e2d\uD83D\uDE00"));
    }

    @Test
    void escapesAlreadyPresentAreKeptAndALonePercentIsEncoded() {
        assertEquals("/a%2e%2E%2fb", ApiGatewayFunction.uriSafePath("/a%2e%2E%2fb"));
        assertEquals("/100%25", ApiGatewayFunction.uriSafePath("/100%"));
        assertEquals("/%25zz%252", ApiGatewayFunction.uriSafePath("/%zz%2"));
    }

    @Test
    void aPathThatIsAlreadyValidIsReturnedUnchanged() {
        String path = "/api/sessions/AbC-_09/files/x~y/trace;v=1:@!$&'()*+,=";
        assertSame(path, ApiGatewayFunction.uriSafePath(path));
    }

    @Test
    void everyResultIsAUriPathThatDecodesBackToTheInput() {
        for (String raw : List.of(
                "/a\\b",
                "/ ",
                "/x\u0000",
                "/\u00e9\u4e2d\uD83D\uDE00",
                "/a\"b<c>|{d}^`[e]",
                "/a?b#c",
                "/\u2028\u00a0")) {
            String safe = ApiGatewayFunction.uriSafePath(raw);
            URI uri = assertDoesNotThrow(() -> new URI(safe), raw);
            assertEquals(safe, uri.getRawPath(), raw);
            assertEquals(raw, URLDecoder.decode(safe.replace("+", "%2B"), StandardCharsets.UTF_8), raw);
        }
    }
}
