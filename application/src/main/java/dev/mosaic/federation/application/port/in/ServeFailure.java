package dev.mosaic.federation.application.port.in;

/**
 * The outcomes every federated verb shares: refused (400/401/403), rate limited (429), unavailable
 * (503). Lets the HTTP layer map them in one place.
 */
public sealed interface ServeFailure
    extends ServeCapabilitiesResult,
        ServeListResult,
        ServeGetResult,
        ServeSearchResult,
        RenewCertificateResult
    permits ServeRefused, ServeRateLimited, ServeUnavailable {}
