import {
  CatalogTable,
  CatalogTableColumnsFunc,
} from '@backstage/plugin-catalog';
import type { CSSProperties } from 'react';

// Words wrap only at spaces (the stock table cells break anywhere, so "Payments" became "Payme nts"),
// and cells are padded less so seven columns fit beside the filters at 1280 px.
const cellStyle: CSSProperties = {
  wordBreak: 'normal',
  overflowWrap: 'normal',
  padding: '8px 10px',
};
const descriptionStyle: CSSProperties = {
  display: '-webkit-box',
  WebkitLineClamp: 3,
  WebkitBoxOrient: 'vertical',
  overflow: 'hidden',
};

// The stock columns ask for shares of the width adding up to more than 100%, which pushed the table
// past the page's edge at 1280 px. The browser sizes them to their content instead; only the
// description asks for a share, so it gets the room left.
const DESCRIPTION_WIDTH = '30%';

/** The description in up to three lines, the whole of it on hover, instead of a one-line ellipsis. */
function Description({ text }: { text?: string }) {
  if (!text) return null;
  return (
    <span style={descriptionStyle} title={text}>
      {text}
    </span>
  );
}

/**
 * The stock catalog columns for each kind, laid out to be read: names, systems and owners wrap at
 * spaces only, descriptions get the room left and up to three lines. Without `tags` the Tags
 * column is left out (the Tags filter still works), for pages too narrow for all of them.
 */
export function readableCatalogColumns(options: {
  tags: boolean;
}): CatalogTableColumnsFunc {
  return context =>
    CatalogTable.defaultColumnsFunc(context)
      .filter(column => options.tags || column.field !== 'entity.metadata.tags')
      .map(column => {
        const styled = {
          ...column,
          width:
            column.field === 'entity.metadata.description'
              ? DESCRIPTION_WIDTH
              : 'auto',
          // A copy per column: the table writes into it (bold for the name column).
          cellStyle: { ...cellStyle },
          headerStyle: { ...cellStyle, ...column.headerStyle },
        };
        if (column.field === 'entity.metadata.description') {
          return {
            ...styled,
            render: ({ entity }) => (
              <Description text={entity.metadata.description} />
            ),
          };
        }
        return styled;
      });
}
