package io.github.camelkoophone.component.koophone.springboot;

import java.util.LinkedHashSet;
import java.util.Set;

import io.github.camelkoophone.component.cloud.tasks.TaskLog;
import io.github.camelkoophone.component.cph.CphConfiguration;
import io.github.camelkoophone.component.koophone.KooPhoneConfiguration;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.stereotype.Component;

/**
 * Binds the object-valued options of {@code camel.component.koophone.*} ({@code configuration}, {@code taskStore},
 * {@code taskLog}, {@code sslContextParameters}) and of {@code camel.component.cph.*} ({@code configuration},
 * {@code jobStore}, {@code taskLog}, {@code sslContextParameters}) from a bean reference:
 * {@code camel.component.koophone.task-store=#bean:myStore} (or {@code #myStore}),
 * {@code camel.component.cph.task-log=#kafkaTaskLog}.
 */
@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesBinding
@Component
public class KooPhoneComponentConverter implements GenericConverter {

    @Autowired
    private ApplicationContext applicationContext;

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        Set<ConvertiblePair> answer = new LinkedHashSet<>();
        answer.add(new ConvertiblePair(String.class, KooPhoneConfiguration.class));
        answer.add(new ConvertiblePair(String.class, CphConfiguration.class));
        answer.add(new ConvertiblePair(String.class, StateRepository.class));
        answer.add(new ConvertiblePair(String.class, TaskLog.class));
        answer.add(new ConvertiblePair(String.class, SSLContextParameters.class));
        return answer;
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        String ref = source.toString();
        if (!ref.startsWith("#")) {
            return null;
        }
        ref = ref.startsWith("#bean:") ? ref.substring(6) : ref.substring(1);
        return applicationContext.getBean(ref, targetType.getType());
    }
}
