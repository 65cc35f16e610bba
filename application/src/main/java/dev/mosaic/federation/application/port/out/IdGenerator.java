package dev.mosaic.federation.application.port.out;

import java.util.UUID;

/**
 * Source of new identifiers (grant, peer, link, audit event, request ids). Production binds random
 * UUIDs; tests bind a sequence. Never throws.
 */
@FunctionalInterface
public interface IdGenerator {
  UUID newId();
}
