package dev.mosaic.federation.bootstrap;

import dev.mosaic.federation.adapters.persistence.DatabaseMigrator;
import dev.mosaic.federation.application.port.in.AddLinkUseCase;
import dev.mosaic.federation.application.port.in.CreateGrantUseCase;
import dev.mosaic.federation.application.port.in.ImportDataUseCase;
import dev.mosaic.federation.application.port.in.IssueEnrollmentTokenUseCase;
import dev.mosaic.federation.application.port.in.IssueSessionTokenUseCase;
import dev.mosaic.federation.application.port.in.ListGrantsUseCase;
import dev.mosaic.federation.application.port.in.ListLinksUseCase;
import dev.mosaic.federation.application.port.in.ManageTeamsUseCase;
import dev.mosaic.federation.application.port.in.ManageUsersUseCase;
import dev.mosaic.federation.application.port.in.RemoveLinkUseCase;
import dev.mosaic.federation.application.port.in.RevokeGrantUseCase;
import dev.mosaic.federation.application.port.in.RunDoctorUseCase;
import dev.mosaic.federation.application.port.in.ShowGrantUseCase;

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

  /** {@code mosaic federation peer add}. */
  AddLinkUseCase addLink();

  /** {@code mosaic federation peer list}. */
  ListLinksUseCase listLinks();

  /** {@code mosaic federation peer remove}. */
  RemoveLinkUseCase removeLink();

  @Override
  void close();
}
