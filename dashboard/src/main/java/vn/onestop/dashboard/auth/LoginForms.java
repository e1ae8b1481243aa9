package vn.onestop.dashboard.auth;

/**
 * The anti-forgery token of the login form, before anyone is signed in: the browser holds a random cookie and the
 * form sends back its keyed signature, which a page of another site can neither read nor compute.
 */
public final class LoginForms {
    private final byte[] key = SecureTokens.randomKey();

    public String newCookieValue() {
        return SecureTokens.random();
    }

    public String tokenFor(String cookieValue) {
        return SecureTokens.sign(key, cookieValue);
    }

    public boolean accepts(String cookieValue, String token) {
        return cookieValue != null && !cookieValue.isEmpty() && SecureTokens.same(tokenFor(cookieValue), token);
    }
}
