package dev.mosaic.federation.adapters.http;

import dev.mosaic.federation.application.port.in.QueryCommand;
import dev.mosaic.federation.application.port.in.QueryResult;
import dev.mosaic.federation.application.port.in.QueryUseCase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Answers every query as scripted (an empty answer by default) and records the commands. */
final class RecordingQueryUseCase implements QueryUseCase {
  private final List<QueryCommand> received = new CopyOnWriteArrayList<>();
  private volatile QueryResult answer = new QueryResult.Answered(List.of(), List.of(), false);

  void answer(QueryResult result) {
    answer = result;
  }

  List<QueryCommand> received() {
    return List.copyOf(received);
  }

  @Override
  public QueryResult query(QueryCommand command) {
    received.add(command);
    return answer;
  }
}
