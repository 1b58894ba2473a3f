/**
 * A small table of figures with its caption and column headers, in the Design System's table (whose
 * cells are grid cells: each header says it is one to screen readers).
 */
import type { ReactNode } from 'react';
import { Table, Tbody, Td, Th, Thead, Tr, Typography, VisuallyHidden } from '@strapi/design-system';

type Props = { caption: string; columns: string[]; rows: Array<{ key: string; cells: ReactNode[] }> };

export function DataTable({ caption, columns, rows }: Props) {
  return (
    <Table colCount={columns.length} rowCount={rows.length + 1}>
      <VisuallyHidden tag="caption">{caption}</VisuallyHidden>
      <Thead>
        <Tr>
          {columns.map((column) => (
            <Th key={column} role="columnheader">
              <Typography variant="sigma">{column}</Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((row) => (
          <Tr key={row.key}>
            {row.cells.map((cell, i) => (
              <Td key={i}>{typeof cell === 'string' || typeof cell === 'number' ? <Typography>{cell}</Typography> : cell}</Td>
            ))}
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}
