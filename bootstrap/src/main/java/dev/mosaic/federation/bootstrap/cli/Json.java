package dev.mosaic.federation.bootstrap.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mosaic.federation.application.port.in.GrantView;
import dev.mosaic.federation.application.port.in.LinkView;
import dev.mosaic.federation.application.port.in.TeamView;
import dev.mosaic.federation.domain.grant.Grant;
import dev.mosaic.federation.domain.pki.PinnedCertificate;
import dev.mosaic.federation.domain.user.User;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Optional;

/** The {@code --json} documents of the commands: plain JSON, one document per command. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  static void print(PrintWriter out, JsonNode document) {
    try {
      out.println(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(document));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  static ObjectNode user(User user) {
    ObjectNode node = object();
    node.put("id", user.id().value().toString());
    node.put("handle", user.handle());
    node.put("displayName", user.displayName().orElse(null));
    putInstant(node, "deletedAt", user.deletedAt());
    return node;
  }

  static ObjectNode team(TeamView view) {
    ObjectNode node = object();
    node.put("id", view.team().id().value().toString());
    node.put("name", view.team().name());
    ArrayNode members = node.putArray("members");
    view.members().forEach(m -> members.add(m.handle()));
    return node;
  }

  static ObjectNode grant(GrantView view) {
    Grant grant = view.grant();
    ObjectNode node = object();
    node.put("id", grant.id().value().toString());
    node.put("peer", view.peerName().value());
    node.put("peerId", grant.peerId().value().toString());
    node.put("subject", view.subjectHandle().orElse(null));
    node.put("subjectUserId", grant.subjectUserId().value().toString());
    node.put("status", view.effectiveStatus().wireName());
    node.put("createdAt", grant.createdAt().toString());
    putInstant(node, "expiresAt", grant.expiresAt());
    putInstant(node, "activatedAt", grant.activatedAt());
    putInstant(node, "revokedAt", grant.revokedAt());
    node.put("revokeReason", grant.revokeReason().orElse(null));
    node.set("scope", MAPPER.valueToTree(grant.scope().toJsonTree()));
    ArrayNode pins = node.putArray("pinnedCertificates");
    grant.pinnedCertificates().current().ifPresent(p -> pins.add(pin(p, "current")));
    grant.pinnedCertificates().previous().ifPresent(p -> pins.add(pin(p, "previous")));
    return node;
  }

  static ObjectNode link(LinkView link) {
    ObjectNode node = object();
    node.put("id", link.id().value().toString());
    node.put("localUser", link.localUserHandle());
    node.put("localUserId", link.localUserId().value().toString());
    node.put("peer", link.peerName().value());
    node.put("endpoint", link.endpoint().toString());
    node.put("grantId", link.grantId().value().toString());
    node.put("remoteSubjectUserId", link.remoteSubjectUserId().value().toString());
    node.put("state", link.state().wireName());
    node.put("stateReason", link.stateReason().orElse(null));
    node.put("certificateFingerprint", "sha256:" + link.certificateFingerprint().hex());
    node.put("certificateNotAfter", link.certificateNotAfter().toString());
    node.put("pinnedCaFingerprint", "sha256:" + link.pinnedCaFingerprint().hex());
    node.put("createdAt", link.createdAt().toString());
    node.put("updatedAt", link.updatedAt().toString());
    return node;
  }

  private static ObjectNode pin(PinnedCertificate pin, String slot) {
    ObjectNode node = object();
    node.put("slot", slot);
    node.put("fingerprint", "sha256:" + pin.fingerprint().hex());
    node.put("serialNumber", pin.serialNumber().toString());
    node.put("notAfter", pin.notAfter().toString());
    return node;
  }

  private static void putInstant(ObjectNode node, String field, Optional<Instant> value) {
    node.put(field, value.map(Instant::toString).orElse(null));
  }
}
