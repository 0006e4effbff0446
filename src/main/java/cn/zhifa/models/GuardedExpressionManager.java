package cn.zhifa.models;

import java.beans.FeatureDescriptor;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.context.ApplicationContext;

import cn.zhifa.platform.ModelVocabulary;

/**
 * Defence in depth behind the model guard (issue 14 §1): the engine evaluates every expression — of a
 * model, a Tasklist filter, anything — with only the beans of {@link ModelVocabulary} (not the whole
 * Spring context: no {@code identityService}, no repositories), may call only the whitelisted methods
 * of those beans, {@code getVariable} on an execution or task, and date arithmetic on the values
 * {@code now()}/{@code dateTime()} give; and never reads {@code class} or engine objects through
 * properties. A refusal is an error of that expression; nothing is called.
 */
final class GuardedExpressionManager extends SpringExpressionManager {

	public GuardedExpressionManager(ApplicationContext applicationContext) {
		super(applicationContext, new WhitelistedBeans(applicationContext));
	}

	@Override
	protected ELResolver createElResolver() {
		return new Guard(super.createElResolver(), (WhitelistedBeans) beans);
	}

	/** The whitelisted beans, fetched from the context when first used (the engine starts before them). */
	static final class WhitelistedBeans extends AbstractMap<Object, Object> {
		private final ApplicationContext context;
		private final Map<Object, String> names = Collections.synchronizedMap(new IdentityHashMap<>());

		WhitelistedBeans(ApplicationContext context) {
			this.context = context;
		}

		@Override
		public boolean containsKey(Object key) {
			return key instanceof String name && ModelVocabulary.beanNames().contains(name) && context.containsBean(name);
		}

		@Override
		public Object get(Object key) {
			if (!containsKey(key)) {
				return null;
			}
			Object bean = context.getBean((String) key);
			names.put(bean, (String) key);
			return bean;
		}

		@Override
		public Set<Entry<Object, Object>> entrySet() {
			return Set.of(); // never enumerated: the resolver asks by name
		}

		String nameOf(Object bean) {
			return names.get(bean);
		}
	}

	private static final class Guard extends ELResolver {
		private final ELResolver delegate;
		private final WhitelistedBeans beans;

		Guard(ELResolver delegate, WhitelistedBeans beans) {
			this.delegate = delegate;
			this.beans = beans;
		}

		private static void checkProperty(Object base, Object property) {
			if (base == null) {
				return;
			}
			if (property instanceof String name && ModelVocabulary.FORBIDDEN_PROPERTIES.contains(name)
					|| base instanceof Class<?> || base instanceof ClassLoader || base instanceof ProcessEngine
					|| base instanceof ProcessEngineServices || base instanceof VariableScope) {
				throw new ELException("表达式不能读取“" + property + "”：模型只能使用案件变量");
			}
		}

		@Override
		public Object getValue(ELContext context, Object base, Object property) {
			checkProperty(base, property);
			return delegate.getValue(context, base, property);
		}

		@Override
		public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
			String name = String.valueOf(method);
			int arity = params == null ? 0 : params.length;
			boolean allowed;
			if (base instanceof VariableScope) {
				allowed = name.equals(ModelVocabulary.GET_VARIABLE) && arity == 1;
			}
			else if (base instanceof org.joda.time.DateTime) {
				allowed = name.startsWith("plus") || name.startsWith("minus") || name.startsWith("with") || name.equals("toDate");
			}
			else {
				String bean = base == null ? null : beans.nameOf(base);
				Map<String, Integer> methods = bean == null ? null : ModelVocabulary.CALLABLE.get(bean);
				allowed = methods != null && Integer.valueOf(arity).equals(methods.get(name));
			}
			if (!allowed) {
				throw new ELException("表达式不能调用方法“" + name + "”：模型只能调用系统允许的方法");
			}
			return delegate.invoke(context, base, method, paramTypes, params);
		}

		@Override
		public Class<?> getType(ELContext context, Object base, Object property) {
			checkProperty(base, property);
			return delegate.getType(context, base, property);
		}

		@Override
		public void setValue(ELContext context, Object base, Object property, Object value) {
			checkProperty(base, property);
			delegate.setValue(context, base, property, value);
		}

		@Override
		public boolean isReadOnly(ELContext context, Object base, Object property) {
			return delegate.isReadOnly(context, base, property);
		}

		@Override
		public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
			return delegate.getFeatureDescriptors(context, base);
		}

		@Override
		public Class<?> getCommonPropertyType(ELContext context, Object base) {
			return delegate.getCommonPropertyType(context, base);
		}
	}
}
