-- Semantic search over memory (SPEC §3, §9): only where the server offers the `vector`
-- extension. The embedded tier has no pgvector; there memory simply has no embedding column and
-- keyword search still works. `gateway doctor` reports whether the extension is installed. The
-- same block runs after every `migrate` (afterMigrate__memory_embedding_vector.sql), so a server
-- that gains pgvector later gets the column and index on the next `mosaic gateway migrate`.
do $$
begin
    if exists (select 1 from pg_available_extensions where name = 'vector') then
        if not exists (select 1 from pg_extension where extname = 'vector') then
            execute 'create extension vector';
        end if;
        if not exists (select 1 from information_schema.columns
                       where table_schema = current_schema()
                         and table_name = 'memory' and column_name = 'embedding') then
            execute 'alter table memory add column embedding vector(256)';
        end if;
        if to_regclass('memory_embedding_hnsw_idx') is null then
            execute 'create index memory_embedding_hnsw_idx'
                    || ' on memory using hnsw (embedding vector_cosine_ops)';
        end if;
    end if;
end
$$;
