package dev.mosaic.federation.adapters.http;

import dev.mosaic.federation.application.port.in.FederatedRequestContext;
import dev.mosaic.federation.application.port.in.Refusal;
import dev.mosaic.federation.application.port.in.RefuseRequestCommand;
import dev.mosaic.federation.application.port.in.ServeCapabilitiesResult;
import dev.mosaic.federation.application.port.in.ServeFailure;
import dev.mosaic.federation.application.port.in.ServeFederatedRequestUseCase;
import dev.mosaic.federation.application.port.in.ServeGetCommand;
import dev.mosaic.federation.application.port.in.ServeGetResult;
import dev.mosaic.federation.application.port.in.ServeListCommand;
import dev.mosaic.federation.application.port.in.ServeListResult;
import dev.mosaic.federation.application.port.in.ServeRefused;
import dev.mosaic.federation.application.port.in.ServeSearchCommand;
import dev.mosaic.federation.application.port.in.ServeSearchResult;
import dev.mosaic.federation.application.port.in.ServeUnavailable;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Answers each verb as the test scripted it (by default: capabilities forbidden, an empty list, get
 * not found) and records what it was asked.
 */
final class ScriptedServeFederatedRequest implements ServeFederatedRequestUseCase {
  private final List<FederatedRequestContext> capabilities = new CopyOnWriteArrayList<>();
  private final List<ServeListCommand> lists = new CopyOnWriteArrayList<>();
  private final List<ServeGetCommand> gets = new CopyOnWriteArrayList<>();
  private final List<ServeSearchCommand> searches = new CopyOnWriteArrayList<>();
  private final List<RefuseRequestCommand> refusals = new CopyOnWriteArrayList<>();
  private volatile boolean auditDown;
  private volatile Supplier<ServeCapabilitiesResult> capabilitiesAnswer =
      () -> new ServeRefused(Refusal.FORBIDDEN, "forbidden");
  private volatile Supplier<ServeListResult> listAnswer =
      () -> new ServeListResult.Listed(List.of(), Optional.empty());
  private volatile Supplier<ServeGetResult> getAnswer =
      () -> new ServeGetResult.NotFound(ServeGetResult.NotFound.MESSAGE);
  private volatile Supplier<ServeSearchResult> searchAnswer =
      () -> new ServeSearchResult.Found(List.of(), List.of());

  void answerCapabilities(ServeCapabilitiesResult result) {
    capabilitiesAnswer = () -> result;
  }

  void answerList(ServeListResult result) {
    listAnswer = () -> result;
  }

  void answerGet(ServeGetResult result) {
    getAnswer = () -> result;
  }

  void answerSearch(ServeSearchResult result) {
    searchAnswer = () -> result;
  }

  /** Every verb throws {@code e}: a programming error in the use case. */
  void crashWith(RuntimeException e) {
    capabilitiesAnswer =
        () -> {
          throw e;
        };
    listAnswer =
        () -> {
          throw e;
        };
    getAnswer =
        () -> {
          throw e;
        };
  }

  /** {@link #refuse} answers 503: the audit store is down. */
  void auditDown() {
    auditDown = true;
  }

  /** The wire-level refusals it was told about. */
  List<RefuseRequestCommand> refusals() {
    return List.copyOf(refusals);
  }

  List<FederatedRequestContext> capabilitiesCalls() {
    return List.copyOf(capabilities);
  }

  List<ServeListCommand> listCalls() {
    return List.copyOf(lists);
  }

  List<ServeGetCommand> getCalls() {
    return List.copyOf(gets);
  }

  List<ServeSearchCommand> searchCalls() {
    return List.copyOf(searches);
  }

  int calls() {
    return capabilities.size() + lists.size() + gets.size() + searches.size();
  }

  @Override
  public ServeCapabilitiesResult capabilities(FederatedRequestContext context) {
    capabilities.add(context);
    return capabilitiesAnswer.get();
  }

  @Override
  public ServeListResult list(ServeListCommand command) {
    lists.add(command);
    return listAnswer.get();
  }

  @Override
  public ServeGetResult get(ServeGetCommand command) {
    gets.add(command);
    return getAnswer.get();
  }

  @Override
  public ServeSearchResult search(ServeSearchCommand command) {
    searches.add(command);
    return searchAnswer.get();
  }

  @Override
  public ServeFailure refuse(RefuseRequestCommand command) {
    refusals.add(command);
    return auditDown
        ? new ServeUnavailable(ServeUnavailable.MESSAGE)
        : new ServeRefused(command.refusal(), command.message());
  }
}
