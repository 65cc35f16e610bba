package dev.mosaic.federation.adapters.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mosaic.federation.domain.common.CanonicalJson;
import dev.mosaic.federation.domain.scope.Scope;
import dev.mosaic.federation.domain.scope.ScopeParseResult;
import org.jooq.JSONB;

/** A grant's scope as the {@code jsonb} document of SPEC §6. */
final class ScopeJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ScopeJson() {}

  static JSONB toJsonb(Scope scope) {
    return JSONB.valueOf(CanonicalJson.write(scope.toJsonTree()));
  }

  /**
   * The stored scope.
   *
   * @throws IllegalArgumentException when the stored document is not a valid scope
   */
  static Scope fromJsonb(JSONB stored) {
    Object tree;
    try {
      tree = JSON.readValue(stored.data(), Object.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("stored scope is not JSON", e);
    }
    return switch (Scope.parse(tree)) {
      case ScopeParseResult.Parsed parsed -> parsed.scope();
      case ScopeParseResult.Rejected rejected ->
          throw new IllegalArgumentException("stored scope is invalid: " + rejected.violations());
    };
  }
}
