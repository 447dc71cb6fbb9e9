package org.submodeluq.cases.cli;

import org.submodeluq.core.Named;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads an option value as the {@link Named} choice it spells, so picocli names the option in the error. */
final class NamedConverter<E extends Enum<E> & Named> implements ITypeConverter<E> {

    private final Class<E> type;
    private final String what;

    NamedConverter(Class<E> type, String what) {
        this.type = type;
        this.what = what;
    }

    @Override
    public E convert(String value) {
        try {
            return Named.parse(type, value, what);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
