package dev.mosaic.federation.bootstrap;

import dev.mosaic.federation.adapters.persistence.DatabaseMigrator;
import dev.mosaic.federation.application.port.in.AddLinkUseCase;
import dev.mosaic.federation.application.port.in.ArchiveAuditUseCase;
import dev.mosaic.federation.application.port.in.ChangeGrantScopeUseCase;
import dev.mosaic.federation.application.port.in.CreateGrantUseCase;
import dev.mosaic.federation.application.port.in.FederationStatusUseCase;
import dev.mosaic.federation.application.port.in.ImportDataUseCase;
import dev.mosaic.federation.application.port.in.IssueEnrollmentTokenUseCase;
import dev.mosaic.federation.application.port.in.IssueSessionTokenUseCase;
import dev.mosaic.federation.application.port.in.ListGrantsUseCase;
import dev.mosaic.federation.application.port.in.ListLinksUseCase;
import dev.mosaic.federation.application.port.in.ManageTeamsUseCase;
import dev.mosaic.federation.application.port.in.ManageUsersUseCase;
import dev.mosaic.federation.application.port.in.QueryUseCase;
import dev.mosaic.federation.application.port.in.ReadAuditUseCase;
import dev.mosaic.federation.application.port.in.RemoveLinkUseCase;
import dev.mosaic.federation.application.port.in.RenewLinkUseCase;
import dev.mosaic.federation.application.port.in.RevokeGrantUseCase;
import dev.mosaic.federation.application.port.in.RunDoctorUseCase;
import dev.mosaic.federation.application.port.in.ShowGrantUseCase;
import dev.mosaic.federation.application.port.out.UserDirectory;
import dev.mosaic.federation.application.service.RenewalScheduler;

/**
 * What the CLI's commands use from a wired gateway; {@link GatewayComponent} provides them. Each is
 * built on first use, so a command opens only the connections it needs. Close the gateway when the
 * command is done: that releases the pools the command opened.
 */
public interface GatewayServices extends AutoCloseable {

  /** {@code mosaic gateway doctor}, and the tier check of {@code gateway serve}. */
  RunDoctorUseCase doctor();

  /** {@code mosaic gateway migrate}. */
  DatabaseMigrator databaseMigrator();

  /** {@code mosaic gateway serve}: the federation listener, not yet started. */
  FederationListener federationListener();

  /**
   * {@code mosaic gateway serve}: the loopback session API ({@code local.listen}), with {@code
   * /healthz} and {@code /metrics}; not yet started.
   */
  LocalListener localListener();

  /** {@code mosaic user add|list|delete}. */
  ManageUsersUseCase users();

  /** {@code mosaic user token}. */
  IssueSessionTokenUseCase sessionTokens();

  /** {@code mosaic team ...}. */
  ManageTeamsUseCase teams();

  /** {@code mosaic data import}. */
  ImportDataUseCase dataImport();

  /** {@code mosaic federation grant create}. */
  CreateGrantUseCase createGrant();

  /** {@code mosaic federation grant list}. */
  ListGrantsUseCase listGrants();

  /** {@code mosaic federation grant show}. */
  ShowGrantUseCase showGrant();

  /** {@code mosaic federation grant token}. */
  IssueEnrollmentTokenUseCase issueEnrollmentToken();

  /** {@code mosaic federation grant revoke}. */
  RevokeGrantUseCase revokeGrant();

  /** {@code mosaic federation grant scope}. */
  ChangeGrantScopeUseCase changeGrantScope();

  /** {@code mosaic federation peer add}. */
  AddLinkUseCase addLink();

  /** {@code mosaic federation peer list}. */
  ListLinksUseCase listLinks();

  /** {@code mosaic federation peer remove}. */
  RemoveLinkUseCase removeLink();

  /** {@code mosaic federation query}: the requesting side's query, for one local user. */
  QueryUseCase query();

  /** {@code mosaic federation renew}: one forced renewal of a link's certificate. */
  RenewLinkUseCase renewLink();

  /** {@code mosaic federation status}. */
  FederationStatusUseCase federationStatus();

  /**
   * The renewal decisions of {@code mosaic gateway serve} (and the demo's home gateway), ticked by
   * a {@link RenewalTicker}; one per gateway, it remembers backoffs and jitter.
   */
  RenewalScheduler renewalScheduler();

  /** {@code mosaic federation audit}. */
  ReadAuditUseCase readAudit();

  /** The daily audit rollover of {@code mosaic gateway serve}. */
  ArchiveAuditUseCase archiveAudit();

  /** Local users by handle ({@code --local-user}), deleted ones included. */
  UserDirectory userDirectory();

  @Override
  void close();
}
