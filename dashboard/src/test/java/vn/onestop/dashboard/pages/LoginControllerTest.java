package vn.onestop.dashboard.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LoginControllerTest {
    @Test
    void afterLoginOnlyPathsOfThisSiteAreFollowed() {
        assertEquals("/ranking?period=2024-03", LoginController.safeNext("/ranking?period=2024-03"));
        assertEquals("/", LoginController.safeNext("//evil.example"));
        assertEquals("/", LoginController.safeNext("/\\evil.example"));
        assertEquals("/", LoginController.safeNext("https://evil.example"));
        assertEquals("/", LoginController.safeNext("/login?error=invalid"));
        assertEquals("/", LoginController.safeNext("/x\r\nSet-Cookie: a=b"));
        assertEquals("/", LoginController.safeNext(null));
    }
}
