-- Risk Language server for Neovim 0.7 or later, without plugins.
-- Put this file in your configuration and load it from init.lua:
--     dofile(vim.fn.stdpath('config') .. '/risk.lua')
-- `risk` must be on the PATH (`npm link` in the repository), or write the full
-- path of bin/risk.cjs in `cmd`. test/editors/neovim.test.ts runs this very file
-- in Debian's Neovim 0.7; the 0.11 branch follows the Neovim 0.11 documentation
-- but is not run by a test (no Neovim 0.11 is packaged where the tests run).

local cmd = { 'risk', 'lsp', '--stdio' }
-- asOf: '' is today; '2026-11-23' pins the date every date rule uses.
local settings = { risk = { asOf = '' } }

-- The root the server opens: the repository (nearest folder with `.git`, a folder
-- or, in a git worktree, a file), else the nearest folder with a method.risk, else
-- the file's folder. The server splits the root into models itself: every .risk
-- file belongs to the nearest folder above it whose files declare a `method`.
local function risk_root(file)
  local folder = vim.fn.fnamemodify(file, ':p:h')
  for _, found in ipairs({
    vim.fn.finddir('.git', folder .. ';'),
    vim.fn.findfile('.git', folder .. ';'),
    vim.fn.findfile('method.risk', folder .. ';'),
  }) do
    if found ~= '' then
      return (vim.fn.fnamemodify(found, ':p:h'):gsub('/%.git$', ''))
    end
  end
  return folder
end

if vim.fn.has('nvim-0.11') == 1 then
  vim.filetype.add({ extension = { risk = 'risk' } })
  vim.lsp.config('risk', {
    cmd = cmd,
    filetypes = { 'risk' },
    root_dir = function(bufnr, on_dir)
      on_dir(risk_root(vim.api.nvim_buf_get_name(bufnr)))
    end,
    settings = settings,
  })
  vim.lsp.enable('risk')
  vim.lsp.inlay_hint.enable(true)
  return
end

-- Neovim 0.7 to 0.10. Before 0.8 `vim.filetype.add` is not used by default:
-- an autocommand sets the filetype, or the server never attaches.
vim.api.nvim_create_autocmd({ 'BufRead', 'BufNewFile' }, {
  pattern = '*.risk',
  command = 'setfiletype risk',
})

local clients = {} -- client id by root folder: one server per root
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'risk',
  callback = function(event)
    local root = risk_root(vim.api.nvim_buf_get_name(event.buf))
    local id = clients[root]
    if id == nil or vim.lsp.get_client_by_id(id) == nil then
      id = vim.lsp.start_client({
        name = 'risk',
        cmd = cmd,
        root_dir = root,
        workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
        settings = settings,
      })
      clients[root] = id
    end
    if id ~= nil then
      vim.lsp.buf_attach_client(event.buf, id)
    end
  end,
})
