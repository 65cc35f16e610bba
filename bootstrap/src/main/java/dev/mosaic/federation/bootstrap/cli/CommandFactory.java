package dev.mosaic.federation.bootstrap.cli;

import picocli.CommandLine;

/** Creates command objects, handing the {@link CliContext} to those whose constructor takes it. */
final class CommandFactory implements CommandLine.IFactory {
  private final CliContext context;

  CommandFactory(CliContext context) {
    this.context = context;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    try {
      var constructor = type.getDeclaredConstructor(CliContext.class);
      return constructor.newInstance(context);
    } catch (NoSuchMethodException e) {
      return CommandLine.defaultFactory().create(type);
    }
  }
}
