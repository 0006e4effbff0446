package cn.zhifa.platform;

import org.camunda.bpm.engine.spring.SpringExpressionManager;

/**
 * A feature providing the expression manager the engine evaluates every expression with (ADR-0039; at
 * most one bean): models, Tasklist filters, anything.
 */
public interface EngineExpressionManager {

	SpringExpressionManager expressionManager();
}
