package cn.zhifa.platform;

/**
 * A feature's part in parsing a process model (ADR-0039): a bean implementing this is told about every
 * activity and every process the engine parses — at start-up, on every deployment (Camunda Modeler
 * included) and whenever a definition is parsed again into the cache — and attaches its listeners there.
 * The feature decides which elements get which listener; {@link EngineExtensionPlugin} adapts the
 * engine's parser to it.
 * <p>
 * Extensions are called in bean order (the order of their registration, or {@code @Order}), each for an
 * element before the next element: a listener's position among the others on the same element and
 * event follows from that order.
 */
public interface ModelParseExtension {

	/**
	 * An activity (task, event, gateway, sub-process, …) has been parsed; its model element can be read
	 * ({@link ParsedActivity#property}, {@link ParsedActivity#attribute}, …).
	 */
	default void activity(ParsedActivity activity) {
	}

	/**
	 * A process has been parsed, after all its activities: {@link ParsedProcess#activities()} are its
	 * activities at every depth, which carry what {@link #activity} stored on them but not their XML.
	 */
	default void process(ParsedProcess process) {
	}
}
